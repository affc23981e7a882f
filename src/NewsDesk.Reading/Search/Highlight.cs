using Microsoft.AspNetCore.Html;
using NewsDesk.Core.Search;

namespace NewsDesk.Reading.Search;

/// <summary>Search matches as <c>&lt;mark&gt;</c>; every run of text is HTML-encoded.</summary>
public static class Highlight
{
    public static IHtmlContent Html(HighlightedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new HtmlContentBuilder(text.Runs.Count * 3);
        foreach (var run in text.Runs)
        {
            if (run.IsMatch)
            {
                html.AppendHtml("<mark>").Append(run.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(run.Text);
            }
        }

        return html;
    }
}
