using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Regions;
using NewsDesk.Reading.Seo;
using NewsDesk.Reading.Stories;
using NewsDesk.Reading.Terms;

namespace NewsDesk.Reading.Feeds;

/// <summary>The non-HTML public routes: Atom and JSON feeds, the sitemap and robots.txt.</summary>
public static class ReadingEndpoints
{
    public const string AtomType = "application/atom+xml; charset=utf-8";
    public const string JsonFeedType = "application/feed+json; charset=utf-8";

    public static IEndpointRouteBuilder MapNewsDeskReading(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithMetadata(new PublicPageAttribute());
        group.MapGet("/feed.xml", (HttpContext http, FeedService feeds, CancellationToken ct) => feeds.LatestAsync(http, "xml", ct));
        group.MapGet("/feed.json", (HttpContext http, FeedService feeds, CancellationToken ct) => feeds.LatestAsync(http, "json", ct));
        group.MapGet("/regions/{slug}/feed.{format:regex(^(xml|json)$)}", (string slug, string format, HttpContext http, FeedService feeds, CancellationToken ct) => feeds.TermAsync(http, TermType.Region, slug, format, ct));
        group.MapGet("/topics/{slug}/feed.{format:regex(^(xml|json)$)}", (string slug, string format, HttpContext http, FeedService feeds, CancellationToken ct) => feeds.TermAsync(http, TermType.Topic, slug, format, ct));
        group.MapGet("/tags/{slug}/feed.{format:regex(^(xml|json)$)}", (string slug, string format, HttpContext http, FeedService feeds, CancellationToken ct) => feeds.TermAsync(http, TermType.Tag, slug, format, ct));
        group.MapGet("/sitemap.xml", (HttpContext http, Sitemap sitemap, CancellationToken ct) => sitemap.RootAsync(http, ct));
        group.MapGet("/sitemaps/{name:regex(^(pages|articles-[0-9]+)$)}.xml", (string name, HttpContext http, Sitemap sitemap, CancellationToken ct) => sitemap.PartAsync(http, name, ct));
        group.MapGet("/robots.txt", (HttpRequest request, SiteUrls urls) => Results.Text(
            $"User-agent: *\nDisallow: /desk\nDisallow: /admin\nDisallow: /search\n\nSitemap: {urls.Absolute(request, "/sitemap.xml")}\n",
            "text/plain; charset=utf-8"));
        return endpoints;
    }
}

/// <summary>Builds the feeds; unknown slugs are 404, old ones redirect permanently.</summary>
public sealed class FeedService(
    StoryQueries stories,
    FeedItems items,
    ReadingTaxonomy taxonomy,
    NewsDeskDbContext db,
    SlugResolver slugs,
    SiteUrls urls,
    IOptions<SiteOptions> site,
    IOptions<ReadingOptions> options)
{
    public async Task<IResult> LatestAsync(HttpContext http, string format, CancellationToken cancellationToken)
    {
        var feed = new FeedContent(site.Value.Title, "Latest stories", "/", await items.NewestAsync(stories.Published(), options.Value.FeedSize, cancellationToken));
        return Write(http, feed, "/feed." + format, format);
    }

    public async Task<IResult> TermAsync(HttpContext http, TermType type, string slug, string format, CancellationToken cancellationToken)
    {
        var section = type switch
        {
            TermType.Region => "regions",
            TermType.Topic => "topics",
            _ => "tags",
        };
        var term = await FindAsync(type, slug, cancellationToken);
        if (term is null)
        {
            var moved = await slugs.TermAsync(type, slug, cancellationToken);
            return moved is null ? Results.NotFound() : Results.Redirect($"/{section}/{moved}/feed.{format}", permanent: true);
        }

        var path = $"/{section}/{slug}";
        var filed = term.Value.Filed;
        var published = stories.Published().Where(a => filed.Contains(a.Id));
        var feed = new FeedContent($"{site.Value.Title}: {term.Value.Name}", term.Value.Description, path, await items.NewestAsync(published, options.Value.FeedSize, cancellationToken));
        return Write(http, feed, path + "/feed." + format, format);
    }

    private async Task<(IQueryable<int> Filed, string Name, string? Description)?> FindAsync(TermType type, string slug, CancellationToken cancellationToken)
    {
        var snapshot = await taxonomy.GetAsync(cancellationToken);
        switch (type)
        {
            case TermType.Region:
                return snapshot.Region(slug) is { } region ? (stories.FiledUnderRegion(region.Path), region.Name, region.Description) : null;
            case TermType.Topic:
                return snapshot.Topic(slug) is { } topic ? (stories.FiledUnder([topic.Id]), topic.Name, topic.Description) : null;
            default:
                var tag = await db.Tags.AsNoTracking()
                    .Where(t => t.Slug == slug && t.RetiredAt == null && t.MergedIntoId == null)
                    .Select(t => new { t.Id, t.Name, t.Description })
                    .FirstOrDefaultAsync(cancellationToken);
                return tag is null ? null : (stories.FiledUnder([tag.Id]), tag.Name, tag.Description);
        }
    }

    private IResult Write(HttpContext http, FeedContent feed, string selfPath, string format)
    {
        var baseUrl = urls.Base(http.Request);
        var authority = urls.Authority(http.Request);
        return format == "json"
            ? Results.Text(FeedWriter.Json(feed, baseUrl, selfPath, authority), ReadingEndpoints.JsonFeedType, Encoding.UTF8)
            : Results.Text(FeedWriter.Atom(feed, site.Value.Title, baseUrl, selfPath, authority), ReadingEndpoints.AtomType, Encoding.UTF8);
    }
}
