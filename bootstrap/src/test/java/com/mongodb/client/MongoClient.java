package com.mongodb.client;

/**
 * A stand-in with the MongoDB driver's name, so the architecture test can show that its rule
 * catches the driver outside the Mongo adapter. Delete it once the real driver is on this module's
 * test classpath.
 */
public interface MongoClient {}
