using NewsDesk.Core.Text;

namespace NewsDesk.Core.Articles;

/// <summary>Splits a byline into its authors: "By Jane Doe, John Smith and Ana Lima" → three names with slugs.</summary>
public static class Bylines
{
    private static readonly string[] Separators = [",", ";", "&", " and ", " And ", " AND "];

    public static IReadOnlyList<Author> Authors(string? byline)
    {
        if (string.IsNullOrWhiteSpace(byline))
        {
            return [];
        }

        var text = byline.Trim();
        foreach (var prefix in (string[])["By ", "by ", "Reported by:", "Reported by "])
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..];
                break;
            }
        }

        var authors = new List<Author>();
        foreach (var part in text.Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var slug = Slugs.From(part);
            if (slug.Length > 0 && !authors.Exists(a => a.Slug == slug))
            {
                authors.Add(new Author(part, slug));
            }
        }

        return authors;
    }

    /// <summary>"|jane-doe|john-smith|", or null when the byline names nobody.</summary>
    public static string? Keys(string? byline)
    {
        var authors = Authors(byline);
        return authors.Count == 0 ? null : "|" + string.Join('|', authors.Select(a => a.Slug)) + "|";
    }

    /// <summary>What to look for in <see cref="Article.AuthorKeys"/> to find an author's stories.</summary>
    public static string KeyFor(string slug) => "|" + slug + "|";

    public sealed record Author(string Name, string Slug);
}
