namespace NewsDesk.Reading.Caching;

/// <summary>
/// Endpoint metadata for what every reader sees alike (pages, feeds, sitemap): output-cached per content version,
/// compressed, and answered with ETag / Last-Modified and 304s. Nothing personal may be rendered on such an endpoint.
/// </summary>
public sealed class PublicPage
{
    public static readonly PublicPage Instance = new();

    /// <summary>The output-cache policy name of public pages.</summary>
    public const string PolicyName = "NewsDesk.Public";

    private PublicPage()
    {
    }
}
