# syntax=docker/dockerfile:1
# Build with the Maven wrapper on a JDK, run on a JRE as a non-root user.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# The Maven repository is a BuildKit cache, so rebuilds do not download again.
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
 && cp bootstrap/target/bedrock-gateway.jar /bedrock-gateway.jar

FROM eclipse-temurin:25-jre
RUN groupadd --system gateway && useradd --system --gid gateway --home-dir /app gateway \
 && mkdir -p /app /var/lib/bedrock-gateway/spool && chown -R gateway:gateway /app /var/lib/bedrock-gateway
WORKDIR /app
COPY --from=build /bedrock-gateway.jar /app/bedrock-gateway.jar
COPY deploy/aot-train.sh /app/aot-train.sh
USER gateway
ENV PORT=8000 \
    USAGE_SPOOL_DIR=/var/lib/bedrock-gateway/spool \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:+UseZGC"
# The JDK's AOT cache (JDK 25, JEP 514/515): a training run against the in-process emulator, with
# this JRE and these options, so each start finds the classes loaded and linked and the hot
# methods profiled, and serves at speed within seconds.
RUN /app/aot-train.sh /app/bedrock-gateway.jar /app/bedrock-gateway.aot
EXPOSE 8000
# The JRE image has bash but no curl: speak HTTP/1.0 over bash's /dev/tcp.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 CMD \
  bash -c 'exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf "GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n1 <&3 | grep -q " 200 "'
ENTRYPOINT ["java", "-XX:AOTCache=/app/bedrock-gateway.aot", "-jar", "/app/bedrock-gateway.jar"]
