using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Web.Routing;

/// <summary>
/// Old addresses keep working: when a public story, tag, region or topic page answers 404, an old slug recorded in
/// <see cref="SlugRedirect"/> (a renamed slug, a merged tag) is answered with a 301 to the current address. Looked up
/// only on a 404, so it costs nothing on pages that exist.
/// </summary>
internal sealed class SlugRedirectMiddleware(RequestDelegate next)
{
    private static readonly Dictionary<string, SlugKind> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["articles"] = SlugKind.Article,
        ["tags"] = SlugKind.Tag,
        ["regions"] = SlugKind.Region,
        ["topics"] = SlugKind.Topic,
    };

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status404NotFound || context.Response.HasStarted
            || !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var segments = (context.Request.Path.Value ?? "").Trim('/').Split('/');
        if (segments.Length != 2 || !Prefixes.TryGetValue(segments[0], out var kind) || segments[1].Length is 0 or > 120)
        {
            return;
        }

        var db = context.RequestServices.GetRequiredService<NewsDeskDbContext>();
        var from = segments[1];
        var targetId = await db.SlugRedirects.AsNoTracking().Where(r => r.Kind == kind && r.FromSlug == from).Select(r => (int?)r.TargetId).SingleOrDefaultAsync(context.RequestAborted);
        if (targetId is null)
        {
            return;
        }

        var slug = kind == SlugKind.Article
            ? await db.Articles.AsNoTracking().Where(a => a.Id == targetId).Select(a => a.Slug).SingleOrDefaultAsync(context.RequestAborted)
            : await db.Terms.AsNoTracking().Where(t => t.Id == targetId && t.MergedIntoId == null).Select(t => t.Slug).SingleOrDefaultAsync(context.RequestAborted);
        if (slug is null || slug == from)
        {
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = $"/{segments[0].ToLowerInvariant()}/{Uri.EscapeDataString(slug)}{context.Request.QueryString}";
    }
}
