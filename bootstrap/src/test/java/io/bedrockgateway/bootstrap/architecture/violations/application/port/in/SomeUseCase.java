package io.bedrockgateway.bootstrap.architecture.violations.application.port.in;

public interface SomeUseCase {}
