using System.Text;

namespace NewsDesk.Ingest.Dedup;

/// <summary>
/// The de-duplication key of a link: the same page reached with or without tracking parameters, fragment,
/// "www.", default port, trailing slash or http/https gives the same key. It is a key, not a link to show.
/// </summary>
public static class CanonicalUrl
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl",
        "ocid", "cmpid", "cmp", "ito", "icid", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee",
        "sr_share", "smid", "partner", "share", "ref", "ref_src", "ref_url", "rss", "feed", "spm", "at_medium", "at_campaign",
        "xtor", "__twitter_impression", "s_cid", "cid", "CMP", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wt_mc", "WT.mc_id",
    };

    public static string? From(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        var path = uri.AbsolutePath;
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path.TrimEnd('/');
        }

        var kept = new List<string>();
        var query = uri.Query.TrimStart('?');
        if (query.Length > 0)
        {
            foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = Uri.UnescapeDataString(pair.Split('=', 2)[0].Replace('+', ' '));
                if (name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name))
                {
                    continue;
                }

                kept.Add(pair);
            }
        }

        var builder = new StringBuilder("//").Append(host);
        if (!uri.IsDefaultPort)
        {
            builder.Append(':').Append(uri.Port);
        }

        builder.Append(path);
        if (kept.Count > 0)
        {
            // Order-insensitive: "?a=1&b=2" and "?b=2&a=1" are the same page.
            kept.Sort(StringComparer.Ordinal);
            builder.Append('?').AppendJoin('&', kept);
        }

        var key = builder.ToString();
        return key.Length <= 2048 ? key : null;
    }
}
