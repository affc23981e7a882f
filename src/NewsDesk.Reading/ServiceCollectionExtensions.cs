using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Reading.Articles;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Feeds;
using NewsDesk.Reading.Markdown;
using NewsDesk.Reading.Regions;
using NewsDesk.Reading.Seo;
using NewsDesk.Reading.Stories;
using NewsDesk.Reading.Terms;

namespace NewsDesk.Reading;

public static class ServiceCollectionExtensions
{
    /// <summary>The public reading view: its pages, layout, static assets, feeds, caching and search page. Needs <c>AddNewsDeskCore</c>.</summary>
    public static IServiceCollection AddNewsDeskReading(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReadingOptions>().Bind(configuration.GetSection(ReadingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<WorldMap>();
        services.AddSingleton<SiteUrls>();
        services.AddSingleton<ContentVersion>();
        services.AddSingleton<ReadingTaxonomy>();
        services.AddSingleton<StoryCounts>();
        services.AddSingleton<FrontPage>();
        services.AddSingleton<PublicPagePolicy>();
        services.AddSingleton<ReadingMetrics>();
        services.AddScoped<StoryQueries>();
        services.AddScoped<ArticleReader>();
        services.AddScoped<SlugResolver>();
        services.AddScoped<FeedItems>();
        services.AddScoped<FeedService>();
        services.AddScoped<Sitemap>();
        services.AddSingleton(new SitemapLimits());
        services.AddSingleton<ReadingWarmup>();
        services.AddHostedService<ReadingStartup>();
        services.AddHostedService<ContentVersionPoller>();

        services.AddOutputCache();
        services.AddResponseCompression(o =>
        {
            // Public pages carry no secrets, so compressing them over HTTPS gives BREACH nothing to find.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/atom+xml", "application/feed+json", "image/svg+xml"]);
        });
        return services;
    }

    /// <summary>
    /// Output caching, compression and conditional GET for public pages. Call after routing is decided (anywhere
    /// after <c>UseRouting</c>, which WebApplication adds first) and before the endpoints.
    /// </summary>
    public static IApplicationBuilder UseNewsDeskReading(this IApplicationBuilder app)
    {
        app.UseOutputCache();
        app.UseWhen(IsPublic, branch => branch.Use(OnlyReads).UseResponseCompression().UseMiddleware<ConditionalGetMiddleware>());
        EvictOldVersions(app.ApplicationServices);
        return app;
    }

    private static bool IsPublic(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<PublicPageAttribute>() is not null;

    // Public pages are only read. A POST to one was a 500 in production: Razor Pages' antiforgery check runs first and,
    // with secure-only cookies over plain HTTP (behind a proxy that does not forward the scheme), throws.
    private static Task OnlyReads(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = "GET, HEAD";
        return Task.CompletedTask;
    }

    private static void EvictOldVersions(IServiceProvider services)
    {
        var version = services.GetRequiredService<ContentVersion>();
        var store = services.GetRequiredService<IOutputCacheStore>();
        version.Changed += previous => _ = store.EvictByTagAsync(PublicPagePolicy.Tag(previous.Token), CancellationToken.None).AsTask();
    }
}
