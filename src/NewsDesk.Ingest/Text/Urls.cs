namespace NewsDesk.Ingest.Text;

/// <summary>Links from feeds and pages, made absolute and limited to http(s) (and mailto where asked).</summary>
public static class Urls
{
    public static string? Resolve(string? href, string? baseUri, bool allowMailto = false)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        // On Unix "/path" parses as an absolute file: URI; it is a relative reference here.
        var rooted = href.StartsWith('/') || href.StartsWith('\\');
        if (!rooted && Uri.TryCreate(href, UriKind.Absolute, out var absolute))
        {
            return absolute.Scheme is "http" or "https" || (allowMailto && absolute.Scheme == "mailto") ? absolute.AbsoluteUri : null;
        }

        if (Uri.TryCreate(baseUri, UriKind.Absolute, out var b) && b.Scheme is "http" or "https" && Uri.TryCreate(b, href, out var resolved))
        {
            return resolved.Scheme is "http" or "https" ? resolved.AbsoluteUri : null;
        }

        return null;
    }
}
