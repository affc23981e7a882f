using Ganss.Xss;
using Markdig;

namespace NewsDesk.Reading.Markdown;

/// <summary>
/// The one place Markdown becomes HTML. Raw HTML is off in the Markdown pipeline, and the output still passes through
/// a sanitizer, because raw HTML off alone lets <c>javascript:</c> links and other URL tricks through.
/// Both are built once: each is thread-safe once configured.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = Markdig.Markdown.ToHtml(markdown, _pipeline);
        return _sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.ExceptWith(["form", "input", "button", "select", "textarea", "iframe", "img", "style"]);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "nofollow noopener");
            }
        };
        return sanitizer;
    }
}
