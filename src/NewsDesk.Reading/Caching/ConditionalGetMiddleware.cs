using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace NewsDesk.Reading.Caching;

/// <summary>
/// ETag (a hash of the page, so it is the same on every instance) and Last-Modified (when public content last
/// changed) on public pages, and 304 Not Modified when the reader already has them. Runs inside the output cache,
/// which stores these headers and answers conditional requests itself on a hit.
/// </summary>
internal sealed class ConditionalGetMiddleware(RequestDelegate next, ContentVersion version)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var state = context.Items[PublicPagePolicy.ItemKey] as ContentState ?? await version.GetAsync(context.RequestAborted);
            var etag = new EntityTagHeaderValue("\"" + Hash(buffer) + "\"", isWeak: true);
            // HTTP dates have whole seconds; rounding up keeps a change later in the same second from looking older.
            var lastModified = new DateTimeOffset(state.LastModified.Ticks - (state.LastModified.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero)
                .AddSeconds(state.LastModified.Ticks % TimeSpan.TicksPerSecond == 0 ? 0 : 1);
            var headers = response.GetTypedHeaders();
            headers.ETag = etag;
            headers.LastModified = lastModified;
            response.Headers.CacheControl = "public, no-cache";
            if (IsNotModified(request.GetTypedHeaders(), etag, lastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        if (buffer.Length == 0)
        {
            // Leave an empty 404 or redirect untouched, so status-code pages can still write their own body.
            return;
        }

        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since counts only without it.</summary>
    internal static bool IsNotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        if (request.IfNoneMatch is { Count: > 0 } candidates)
        {
            return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && lastModified <= since;
    }

    private static string Hash(MemoryStream buffer)
    {
        var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        return Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
