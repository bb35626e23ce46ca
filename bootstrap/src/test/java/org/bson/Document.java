package org.bson;

/**
 * A stand-in with BSON's name, so the architecture test can show that its rule catches BSON outside
 * the Mongo adapter. Delete it once the real driver is on this module's test classpath.
 */
public final class Document {}
