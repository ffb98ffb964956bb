# One image for every stage; the compose file picks the stage with the command (produce, streams, index).
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests install \
 && ./mvnw -B -ntp -pl launcher dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/app/lib \
 && cp -r launcher/target/classes /app/classes

FROM eclipse-temurin:21-jre
COPY --from=build /app /app
WORKDIR /data
ENV STANCEWIRE_LOG_DIR=/data/logs
ENTRYPOINT ["java", "-cp", "/app/classes:/app/lib/*", "io.stancewire.launcher.Main"]
CMD ["--help"]
