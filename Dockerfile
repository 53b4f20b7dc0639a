# One image for every newsflow service; docker-compose.yml picks the command (ingest, enrich, sink).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/launcher/target/newsflow.jar /app/newsflow.jar
COPY --from=build /src/launcher/target/lib /app/lib
COPY samples /app/samples
ENV JAVA_TOOL_OPTIONS="-Xmx3g"
ENTRYPOINT ["java", "-jar", "/app/newsflow.jar"]
