using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsDesk.Ingest.Tests.Dedup;
using NewsDesk.Ingest.Tests.Pipeline;

namespace NewsDesk.Ingest.Tests.Http;

/// <summary>A local Kestrel server (loopback, port 0) serving fixture feeds, pages and misbehaving responses.</summary>
internal sealed class FixtureServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FixtureServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Requests per path, to see retries and conditional GETs.</summary>
    public ConcurrentDictionary<string, int> Hits { get; } = new();

    public ConcurrentQueue<string?> IfNoneMatch { get; } = new();

    public Uri Url(string path) => new(BaseUri, path);

    public static async Task<FixtureServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FixtureServer(app);
        app.Use(async (context, next) =>
        {
            server.Hits.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
            await next(context);
        });

        app.MapGet("/feed.xml", (HttpContext context) =>
        {
            server.IfNoneMatch.Enqueue(context.Request.Headers.IfNoneMatch.FirstOrDefault());
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                return Results.StatusCode(304);
            }

            context.Response.Headers.ETag = "\"v1\"";
            return Results.Text(Fixtures.Numbered("Served Wire", 3), "application/rss+xml; charset=utf-8");
        });
        app.MapGet("/flaky.xml", () => server.Hits["/flaky.xml"] < 2
            ? Results.StatusCode(503)
            : Results.Text(Fixtures.Numbered("Flaky Wire", 2, start: 100), "application/rss+xml"));
        app.MapGet("/down.xml", () => Results.StatusCode(500));
        app.MapGet("/gone.xml", () => Results.StatusCode(404));
        app.MapGet("/loop", () => Results.Redirect("/loop"));
        app.MapGet("/moved", () => Results.Redirect("/feed.xml", permanent: true));
        app.MapGet("/endless", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel><title>Endless</title>", context.RequestAborted);
            var chunk = string.Concat(Enumerable.Repeat("<item><title>again</title></item>", 2000));
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.WriteAsync(chunk, context.RequestAborted);
            }
        });
        app.MapGet("/trickle", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel>", context.RequestAborted);
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.WriteAsync(" ", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(200, context.RequestAborted);
            }
        });
        app.MapGet("/html-as-feed.xml", () => Results.Text("<!DOCTYPE html><html><head><title>Oops</title></head><body><p>Not here</p></body></html>", "text/html"));
        app.MapGet("/story.html", () => Results.Text(ArticlePageHtml, "text/html; charset=utf-8"));

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public const string ArticlePageHtml = $"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>Chinese ships enter Senkaku waters | Harbour Times</title>
        <meta property="og:site_name" content="Harbour Times"><meta name="author" content="Kenji Sato">
        <link rel="canonical" href="/news/senkaku?utm_source=x"></head>
        <body>
        <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
        <article>
          <h1>Chinese ships enter Senkaku waters</h1>
          <p class="byline">By Kenji Sato</p>
          <p>{MinHashTests.Wire}</p>
          <p>The incursion came a day after Japan and the Philippines agreed to deepen coast guard cooperation, a step Beijing criticised as interference in regional affairs. Officials in Tokyo said the patrols would continue.</p>
          <p>Analysts said the timing suggested a message to both capitals, and that further incursions were likely in the coming weeks as the fishing season opens.</p>
        </article>
        <aside><h2>Most read</h2><ul><li><a href="/a">Something else</a></li></ul></aside>
        <footer>© Harbour Times</footer>
        </body></html>
        """;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
