namespace NewsDesk.Ingest.Tests.Pipeline;

/// <summary>Small feeds written for the tests.</summary>
internal static class Fixtures
{
    public static string Rss(string title, params (string Guid, string Link, string Title, string Body)[] items) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>{title}</title><link>https://{title.ToLowerInvariant().Replace(' ', '-')}.example/</link>
        {string.Concat(items.Select(i => $"<item><guid isPermaLink=\"false\">{i.Guid}</guid><link>{i.Link}</link><title>{i.Title}</title><description><![CDATA[<p>{i.Body}</p>]]></description><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>\n"))}
        </channel></rss>
        """;

    public static string Numbered(string title, int count, int start = 0) =>
        Rss(title, [.. Enumerable.Range(start, count).Select(n => ($"g{n}", $"https://wire.example/{n}", $"Story number {n}", $"Body of story {n}: " + Words(n)))]);

    /// <summary>Distinct text per n, long enough to fingerprint, so unrelated items never cluster.</summary>
    public static string Words(int n)
    {
        var random = new Random(n);
        string[] vocabulary = ["coast", "guard", "vessel", "strait", "ministry", "drill", "patrol", "missile", "treaty", "summit", "border", "navy",
            "airspace", "fighter", "bomber", "cyber", "attack", "sanction", "envoy", "island", "reef", "harbour", "exercise", "radar"];
        return string.Join(' ', Enumerable.Range(0, 60).Select(_ => vocabulary[random.Next(vocabulary.Length)] + random.Next(100)));
    }
}
