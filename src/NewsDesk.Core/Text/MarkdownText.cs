using System.Text.RegularExpressions;

namespace NewsDesk.Core.Text;

/// <summary>
/// A stretch of Markdown source as prose: link text without its URL, no heading marks, emphasis or code ticks.
/// For short quotations of a story (search snippets, the desk's evidence excerpts), not for rendering.
/// </summary>
public static partial class MarkdownText
{
    /// <summary>Also accepts the search highlighter's marks (U+0002/U+0003) inside link text.</summary>
    public static string Plain(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = Link().Replace(markdown, "$1");
        text = Syntax().Replace(text, "");
        text = UnpairedBracket().Replace(text, ""); // a link cut off by the quotation's edge
        return WhiteSpace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"!?\[([^\]\u0002\u0003]*(?:[\u0002\u0003][^\]\u0002\u0003]*)*)\]\([^)\s]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<=^|\s)#{1,6}\s|[*`]|^>\s?|\]\([^)\s]*\)?", RegexOptions.Multiline)]
    private static partial Regex Syntax();

    [GeneratedRegex(@"\[(?![^\[\]]*\])|(?<!\[[^\[\]]*)\]")]
    private static partial Regex UnpairedBracket();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
