# syntax=docker/dockerfile:1
# Build: the SDK image restores and publishes the web app.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json NewsDesk.sln Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
# ReadyToRun: precompiled code starts about a second sooner (bench/startup.sh, docs/benchmarks.md).
RUN dotnet publish src/NewsDesk.Web/NewsDesk.Web.csproj -c Release -o /app --nologo \
      -r linux-x64 --self-contained false -p:PublishReadyToRun=true

# Run: the ASP.NET runtime only, as a non-root user, with the database on a volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
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
ENTRYPOINT ["dotnet", "NewsDesk.Web.dll"]
