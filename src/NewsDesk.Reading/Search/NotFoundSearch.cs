namespace NewsDesk.Reading.Search;

/// <summary>What the 404 page offers to search for, from the address that was not found.</summary>
public static class NotFoundSearch
{
    private static readonly HashSet<string> Sections = new(["regions", "topics", "tags", "authors", "articles", "feed", "xml", "json"], StringComparer.OrdinalIgnoreCase);

    /// <summary>"/articles/japan-vietnam-pact" → "japan vietnam pact"; null when nothing useful is left.</summary>
    public static string? WordsFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var words = path.Split(['/', '-', '_', '.', '+', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString)
            .Where(w => w.Length > 1 && !Sections.Contains(w) && w.Any(char.IsLetter))
            .Take(8)
            .ToList();
        var text = string.Join(' ', words);
        return text.Length is 0 or > 100 ? null : text.ToLowerInvariant();
    }
}
