# syntax=docker/dockerfile:1
# Build: the SDK image restores and publishes the web app (tools/publish.sh: self-contained, composite ReadyToRun).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json NewsDesk.sln Directory.Build.props Directory.Packages.props .editorconfig ./
COPY tools/publish.sh tools/
COPY src/ src/
# The app and the framework precompiled together start sooner (bench/Reading/coldstart.sh, docs/benchmarks.md), for
# AVX2 CPUs on x64; `--build-arg ISA=` keeps the x86-64 baseline for older ones (tools/publish.sh).
ARG ISA=x86-64-v3
RUN ISA="$ISA" tools/publish.sh /app

# Run: the native dependencies only (the app carries its own .NET), as a non-root user, with the database on a volume.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY seeds/ /app/seeds/
ENV ASPNETCORE_URLS=http://+:8080 \
    NewsDesk__DataDirectory=/data \
    NewsDesk__SeedsDirectory=/app/seeds
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["/app/NewsDesk.Web"]
