# syntax=docker/dockerfile:1
#
# Seam-compatible client session server. Build: docker build -t seam-emulator .
# Run against your own PostgreSQL (see docker-compose.yml), or alone with the embedded PostgreSQL keeping its data in
# the /data volume:  docker run -p 8080:8080 -e SEAM_SEED=true -v seam-data:/data seam-emulator
# (The embedded PostgreSQL ships linux-amd64 binaries only; on other architectures set SPRING_DATASOURCE_URL.)

# ---- build -------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
# The Maven wrapper downloads Maven with curl or wget and unpacks it with unzip (or tar).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl unzip \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw \
 && ./mvnw -B -DskipTests package \
 && cp "$(ls target/seam-emulator-*.jar | grep -v '\.original$')" /app.jar

# ---- runtime -----------------------------------------------------------------------------------------------------
# Java 25 runs the Java 17 bytecode with its AOT cache (classes loaded and linked ahead, method profiles): on the 2-core
# machine of BENCHMARKS.md a restart took a quarter of the CPU time of a plain `java -jar` on 17 (see Start-up there).
FROM eclipse-temurin:25-jre
# curl for the HEALTHCHECK (installed explicitly rather than relying on the base image having it).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 seam \
 && useradd --system --uid 10001 --gid seam --home-dir /app --no-create-home --shell /usr/sbin/nologin seam \
 && mkdir -p /app /data \
 && chown seam:seam /data
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
COPY bin/seam-emulator /app/bin/seam-emulator
# Used only when no SPRING_DATASOURCE_URL is set: the embedded PostgreSQL's data directory.
ENV SEAM_DATA_DIR=/data SEAM_JAR=/app/app.jar SEAM_CACHE_DIR=/app/cds
RUN chmod 755 /app/bin/seam-emulator && mkdir -p /app/cds && chown seam:seam /app/cds
VOLUME ["/data"]
USER seam
# Class data sharing prepared once, here: the launcher extracts the jar and records the classes a start and the common
# requests load, in a training run (seeded, embedded PostgreSQL in a throw-away directory, a local port). If that
# cannot run, the image still works and starts without the archive.
RUN /app/bin/seam-emulator --prepare
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${SERVER_PORT:-8080}/health" >/dev/null || exit 1
# The launcher: the archive above, and heap, collector and thread stacks sized for an emulator (JAVA_OPTS adds to them).
ENTRYPOINT ["/app/bin/seam-emulator"]
