namespace NewsDesk.Core.Articles;

/// <summary>Where a stored lead image is served: the web host writes the files, the reading view links to them.</summary>
public static class LeadImages
{
    public const string RequestPath = "/media";

    /// <summary>Stored widths, largest first.</summary>
    public static readonly IReadOnlyList<int> Widths = [1600, 800];

    /// <summary>The public URL of the stored image at one of <see cref="Widths"/> (the largest when null).</summary>
    public static string Url(string key, int? width = null) =>
        width is null or 1600 ? $"{RequestPath}/{key}.jpg" : $"{RequestPath}/{key}-{width}.jpg";
}
