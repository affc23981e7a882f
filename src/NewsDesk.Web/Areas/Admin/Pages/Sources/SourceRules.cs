namespace NewsDesk.Web.Areas.Admin.Pages.Sources;

internal static class SourceRules
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(7);

    /// <summary>An absolute http(s) URL, or why not. Where it may point (no private addresses) is the poller's check at fetch time.</summary>
    public static string? CheckUrl(string? url) =>
        url is not null && url.Length <= 2048 && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : "The URL must be a full http or https address.";
}
