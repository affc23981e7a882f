using System.Text;
using System.Text.Encodings.Web;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Html;

namespace NewsDesk.Web.Desk;

/// <summary>Diffs for revisions and conflicts, as encoded HTML: lines for the body, words for one-line fields.</summary>
public static class TextDiff
{
    private const int Context = 2;

    public static bool Same(string? a, string? b) => string.Equals(a ?? "", b ?? "", StringComparison.Ordinal);

    /// <summary>Line diff with unchanged runs collapsed to <see cref="Context"/> lines around each change.</summary>
    public static IHtmlContent Lines(string? before, string? after)
    {
        var model = InlineDiffBuilder.Diff(before ?? "", after ?? "", ignoreWhiteSpace: false);
        var lines = model.Lines;
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type != ChangeType.Unchanged)
            {
                for (var j = Math.Max(0, i - Context); j <= Math.Min(lines.Count - 1, i + Context); j++)
                {
                    keep[j] = true;
                }
            }
        }

        var html = new StringBuilder("<div class=\"diff\">");
        var skipped = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!keep[i])
            {
                skipped++;
                continue;
            }

            if (skipped > 0)
            {
                html.Append("<div class=\"muted\">⋯ ").Append(skipped).Append(skipped == 1 ? " unchanged line" : " unchanged lines").Append("</div>");
                skipped = 0;
            }

            var css = lines[i].Type switch
            {
                ChangeType.Inserted => "ins",
                ChangeType.Deleted => "del",
                _ => "same",
            };
            html.Append("<div class=\"").Append(css).Append("\">").Append(HtmlEncoder.Default.Encode(lines[i].Text ?? "")).Append("</div>");
        }

        if (skipped > 0)
        {
            html.Append("<div class=\"muted\">⋯ ").Append(skipped).Append(" unchanged lines</div>");
        }

        if (lines.All(l => l.Type == ChangeType.Unchanged))
        {
            html.Append("<div class=\"muted\">No change.</div>");
        }

        return new HtmlString(html.Append("</div>").ToString());
    }

    /// <summary>Word diff of a short field: deleted words struck, inserted words marked.</summary>
    public static IHtmlContent Words(string? before, string? after)
    {
        var result = Differ.Instance.CreateDiffs(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, new WordChunker());
        var html = new StringBuilder("<div class=\"diff\"><div>");
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++)
            {
                html.Append(HtmlEncoder.Default.Encode(result.PiecesOld[a]));
            }

            if (block.DeleteCountA > 0)
            {
                html.Append("<del>").Append(HtmlEncoder.Default.Encode(string.Concat(result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA)))).Append("</del>");
            }

            if (block.InsertCountB > 0)
            {
                html.Append("<ins>").Append(HtmlEncoder.Default.Encode(string.Concat(result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB)))).Append("</ins>");
            }

            a = block.DeleteStartA + block.DeleteCountA;
        }

        for (; a < result.PiecesOld.Count; a++)
        {
            html.Append(HtmlEncoder.Default.Encode(result.PiecesOld[a]));
        }

        return new HtmlString(html.Append("</div></div>").ToString());
    }
}
