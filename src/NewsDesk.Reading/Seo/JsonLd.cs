using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Html;

namespace NewsDesk.Reading.Seo;

/// <summary>schema.org JSON-LD, serialised so it cannot break out of its script element.</summary>
public static class JsonLd
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // The default encoder escapes <, > and & as \u003C…, so "</script>" in a headline stays inert.
        Encoder = JavaScriptEncoder.Default,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static HtmlString Script(object value) =>
        new("<script type=\"application/ld+json\">" + JsonSerializer.Serialize(value, Options) + "</script>");

    public static object Breadcrumbs(IEnumerable<(string Name, string Url)> items) => new Dictionary<string, object>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = items.Select((item, i) => new Dictionary<string, object>
        {
            ["@type"] = "ListItem",
            ["position"] = i + 1,
            ["name"] = item.Name,
            ["item"] = item.Url,
        }).ToList(),
    };
}
