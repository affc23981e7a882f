using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Hosting;

namespace NewsDesk.Reading.Seo;

/// <summary>Absolute URLs for canonical links, feeds and sitemaps: <c>Site:BaseUrl</c> when set, else the request's own.</summary>
public sealed class SiteUrls(IOptions<SiteOptions> site)
{
    public string Base(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return site.Value.BaseUrl is { } configured
            ? configured.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
    }

    public string Absolute(HttpRequest request, string path) => Base(request) + path;

    /// <summary>The host part, for tag: URIs that identify feed entries.</summary>
    public string Authority(HttpRequest request) => new Uri(Base(request)).Host;
}
