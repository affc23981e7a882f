using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Core.Articles;
using NewsDesk.Reading.Markdown;

namespace NewsDesk.Web.Areas.Desk.Pages;

/// <summary>The editor's live preview (the Fragment handler, called by desk.js) and a plain page for the same without script.</summary>
public sealed class MarkdownModel(MarkdownRenderer renderer) : PageModel
{
    public string Markdown { get; private set; } = "";

    public IHtmlContent Html { get; private set; } = HtmlString.Empty;

    public void OnGet()
    {
    }

    public void OnPost(string? markdown)
    {
        Markdown = Limit(markdown);
        Html = new HtmlString(renderer.ToHtml(Markdown));
    }

    public ContentResult OnPostFragment(string? markdown) => Content(renderer.ToHtml(Limit(markdown)), "text/html; charset=utf-8");

    private static string Limit(string? markdown) => (markdown ?? "").Length > StoryFields.MaxBodyLength ? markdown![..StoryFields.MaxBodyLength] : markdown ?? "";
}
