using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Html;

namespace NewsDesk.Reading.Regions;

/// <summary>
/// The world map of the regions page: country outlines pre-projected by <c>tools/world-map</c> from world-atlas
/// (Natural Earth; ids are ISO 3166-1 numeric codes), shaded and linked on the server. No script runs in the browser.
/// </summary>
public sealed class WorldMap
{
    /// <summary>Upper bounds of the shading classes; a country above the last is in the darkest class.</summary>
    public static readonly IReadOnlyList<int> Classes = [0, 2, 9, 29];

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private readonly MapData _data;

    public WorldMap()
    {
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream("NewsDesk.Reading.Regions.world-map.json")
            ?? throw new InvalidOperationException("The world map resource is missing from the build.");
        _data = JsonSerializer.Deserialize<MapData>(stream, WebJson)
            ?? throw new InvalidOperationException("The world map resource is empty.");
    }

    public int CountryCount => _data.Countries.Count + _data.Points.Count;

    /// <summary>Shading class 0 (no stories) to 4 for <paramref name="count"/> stories.</summary>
    public static int ClassOf(int count)
    {
        for (var i = 0; i < Classes.Count; i++)
        {
            if (count <= Classes[i])
            {
                return i;
            }
        }

        return Classes.Count;
    }

    /// <summary>
    /// The SVG. Countries with stories are links; the map is hidden from assistive technology and out of the tab order
    /// because the region list next to it carries the same links and counts in reading order.
    /// </summary>
    public IHtmlContent Render(Taxonomy taxonomy, StoryCountSnapshot counts, string title)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(counts);
        var html = HtmlEncoder.Default;
        var svg = new StringBuilder(_data.Countries.Sum(c => c.D.Length) + 40_000);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"world-map\" viewBox=\"0 0 {_data.Width} {_data.Height}\" xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\">");
        svg.Append("<title>").Append(html.Encode(title)).Append("</title>");
        foreach (var country in _data.Countries)
        {
            Shape(svg, taxonomy, counts, country.Id, country.Name, html, $"<path d=\"{country.D}\"");
        }

        foreach (var point in _data.Points)
        {
            Shape(svg, taxonomy, counts, point.Id, point.Name, html, string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{point.X}\" cy=\"{point.Y}\" r=\"2.5\""));
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static void Shape(StringBuilder svg, Taxonomy taxonomy, StoryCountSnapshot counts, string? id, string name, HtmlEncoder html, string open)
    {
        var region = id is null ? null : taxonomy.CountryByNumericCode(id);
        var count = region is null ? 0 : counts.RecentCount(region.Id);
        var label = html.Encode(region?.Name ?? name);
        var shape = string.Create(CultureInfo.InvariantCulture, $"{open} class=\"m{ClassOf(count)}\"><title>{label}: {count} {(count == 1 ? "story" : "stories")}</title></{(open.StartsWith("<path", StringComparison.Ordinal) ? "path" : "circle")}>");
        if (region is not null && count > 0)
        {
            svg.Append("<a href=\"").Append(html.Encode(region.Url)).Append("\" tabindex=\"-1\">").Append(shape).Append("</a>");
        }
        else
        {
            svg.Append(shape);
        }
    }

    private sealed record MapData(int Width, int Height, List<MapCountry> Countries, List<MapPoint> Points);

    private sealed record MapCountry(string? Id, string Name, string D);

    private sealed record MapPoint(string Id, string Name, double X, double Y);
}
