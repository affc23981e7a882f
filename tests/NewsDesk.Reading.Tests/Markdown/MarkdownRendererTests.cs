using AngleSharp.Html.Parser;
using NewsDesk.Reading.Markdown;

namespace NewsDesk.Reading.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Markdown_renders_headings_paragraphs_and_emphasis()
    {
        var html = _renderer.ToHtml("## Sub-heading\n\nA *fine* paragraph.");

        Assert.Equal("<h2>Sub-heading</h2>\n<p>A <em>fine</em> paragraph.</p>\n", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](  javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("<style>body{display:none}</style>")]
    public void Hostile_markdown_produces_nothing_that_can_run(string markdown)
    {
        var html = _renderer.ToHtml(markdown);
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("script, iframe, svg, style, img[onerror], [onload]"));
        foreach (var element in document.QuerySelectorAll("[href], [src]"))
        {
            var url = (element.GetAttribute("href") ?? element.GetAttribute("src"))!.Trim();
            Assert.Matches("^(https?:|mailto:|/|#|[^:]*$)", url);
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Links_are_kept_and_marked_nofollow_noopener()
    {
        var html = _renderer.ToHtml("[Ministry](https://www.mod.go.jp/) and https://example.org/x");
        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("a");

        Assert.Equal(2, links.Length);
        Assert.All(links, a => Assert.Equal("nofollow noopener", a.GetAttribute("rel")));
        Assert.Equal("https://www.mod.go.jp/", links[0].GetAttribute("href"));
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_interpreted()
    {
        var html = _renderer.ToHtml("Before <b>bold</b> after");

        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
    }
}
