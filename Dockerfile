# syntax=docker/dockerfile:1
# One image for every newsflow service (docker-compose.yml picks the command: ingest, enrich, sink, broker, dlq ...).

# ---- build (-Dservice: the service launcher, without the eval and bench modules; see docs/architecture.md).
# The Maven repository lives in a BuildKit cache mount, so a source change does not download the
# ~1 GB of dependencies (most of it the CoreNLP models) again; only pom changes bring new ones.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -DskipTests -Dservice -pl launcher -am package

# ---- a slim Java runtime with just the modules the application uses (jdeps), plus those loaded by name at run
# time: extra charsets for pages in windows-1252/KOI8-R/Shift_JIS, EC crypto for TLS to feeds, locale data.
FROM eclipse-temurin:17-jdk AS jre
COPY --from=build /src/launcher/target/newsflow.jar /src/launcher/target/lib/ /deps/
RUN modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 --class-path '/deps/*' /deps/newsflow.jar)" \
 && jlink --add-modules "${modules},jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.zipfs,jdk.naming.dns" \
          --strip-debug --no-header-files --no-man-pages --compress=2 --output /jre

# ---- run: non-root, heap sized from the container's memory limit instead of a fixed -Xmx.
FROM debian:bookworm-slim
RUN groupadd --system newsflow && useradd --system --gid newsflow --home-dir /app --shell /usr/sbin/nologin newsflow
COPY --from=jre /jre /opt/java
WORKDIR /app
COPY --from=build --chown=newsflow:newsflow /src/launcher/target/lib /app/lib
COPY --from=build --chown=newsflow:newsflow /src/launcher/target/newsflow.jar /app/newsflow.jar
COPY --chown=newsflow:newsflow samples /app/samples
RUN mkdir -p /app/data && chown newsflow:newsflow /app/data
USER newsflow
ENV PATH="/opt/java/bin:${PATH}" \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/newsflow.jar"]
