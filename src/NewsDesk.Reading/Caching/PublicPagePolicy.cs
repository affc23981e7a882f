using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace NewsDesk.Reading.Caching;

/// <summary>
/// Output caching for public pages. The cache key carries the <see cref="ContentState.Token"/>, so a page rendered
/// before a change can never be served after this process has seen the change, and each entry is tagged with its
/// token so that the whole generation is evicted at once. Pages are the same for every reader, signed in or not.
/// </summary>
internal sealed class PublicPagePolicy(ContentVersion version, ReadingMetrics metrics, IOptions<ReadingOptions> options) : IOutputCachePolicy
{
    /// <summary>The query parameters public pages read; others do not split the cache.</summary>
    public static readonly StringValues QueryKeys = new(["page", "q", "region", "topic", "within", "from", "to", "sort"]);

    public const string ItemKey = "NewsDesk.ContentState";

    public static string Tag(string token) => "content:" + token;

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return;
        }

        var state = await version.GetAsync(cancellation);
        context.HttpContext.Items[ItemKey] = state;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = options.Value.CacheDuration;
        context.CacheVaryByRules.QueryKeys = QueryKeys;
        context.CacheVaryByRules.HeaderNames = "Accept-Encoding";
        context.CacheVaryByRules.VaryByValues["content"] = state.Token;
        context.Tags.Add(Tag(state.Token));
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        metrics.Hit();
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        metrics.Miss();
        var response = context.HttpContext.Response;
        // Only complete pages everyone may see: no errors, redirects, 304s or cookies.
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
