using NewsDesk.Ingest.Text;

namespace NewsDesk.Ingest.Tests.Text;

public sealed class HtmlMarkdownTests
{
    [Fact]
    public void Structure_survives_as_markdown()
    {
        var markdown = HtmlMarkdown.Convert("<h1>Head</h1><p>One <strong>bold</strong> and <em>it</em>.</p><ul><li>a</li><li>b</li></ul><ol><li>x</li></ol><blockquote><p>quoted</p></blockquote>");

        Assert.Equal("## Head\n\nOne **bold** and *it*.\n\n- a\n- b\n\n1. x\n\n> quoted", markdown);
    }

    [Fact]
    public void Scripts_styles_frames_images_and_handlers_are_dropped()
    {
        var markdown = HtmlMarkdown.Convert("<p onclick=\"x()\">Safe<script>alert(1)</script><style>p{}</style><iframe src=\"https://evil.example\"></iframe><img src=\"x\" onerror=\"y()\"></p>");

        Assert.Equal("Safe", markdown);
    }

    [Fact]
    public void Only_http_https_and_mailto_links_survive_and_relative_links_are_resolved()
    {
        var markdown = HtmlMarkdown.Convert("<a href=\"javascript:alert(1)\">js</a> <a href=\"data:text/html,x\">data</a> <a href=\"/rel\">rel</a> <a href=\"mailto:a@b.example\">mail</a>", new Uri("https://site.example/a/b"));

        Assert.Equal("js data [rel](<https://site.example/rel>) [mail](<mailto:a@b.example>)", markdown);
    }

    [Fact]
    public void Markdown_syntax_in_text_is_escaped_so_it_stays_text()
    {
        var markdown = HtmlMarkdown.Convert("<p>1. not a list *not em* [not](link) &lt;b&gt;</p><p>- not a bullet</p>");

        Assert.Equal("1\\. not a list \\*not em\\* \\[not\\](link) \\<b\\>\n\n\\- not a bullet", markdown);
    }

    [Fact]
    public void Plain_text_becomes_escaped_paragraphs()
    {
        Assert.Equal("First para\n\nSecond \\*para\\*", HtmlMarkdown.FromPlainText("First\npara\n\nSecond *para*"));
    }

    [Fact]
    public void Html_in_titles_becomes_text()
    {
        Assert.Equal("Bold claim & more", HtmlMarkdown.ToPlainText("<b>Bold</b> claim &amp; more<script>x</script>"));
    }

    [Fact]
    public void Absurdly_deep_nesting_is_flattened_not_recursed()
    {
        var html = string.Concat(Enumerable.Repeat("<b><i><span>", 30_000)) + "deep text";

        Assert.Contains("deep text", HtmlMarkdown.Convert(html), StringComparison.Ordinal);
        Assert.Equal("deep text", HtmlMarkdown.ToPlainText(html));
    }
}
