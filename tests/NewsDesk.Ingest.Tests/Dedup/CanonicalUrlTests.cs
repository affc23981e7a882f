using NewsDesk.Ingest.Dedup;

namespace NewsDesk.Ingest.Tests.Dedup;

public sealed class CanonicalUrlTests
{
    [Theory]
    [InlineData("https://www.example.com/news/1?utm_source=rss&utm_medium=feed#comments")]
    [InlineData("http://example.com/news/1/")]
    [InlineData("https://EXAMPLE.com:443/news/1?fbclid=abc&gclid=x")]
    public void Tracking_parameters_fragments_www_and_scheme_do_not_matter(string url)
    {
        Assert.Equal("//example.com/news/1", CanonicalUrl.From(url));
    }

    [Fact]
    public void Real_parameters_are_kept_in_a_stable_order()
    {
        Assert.Equal("//example.com/story?a=1&id=42", CanonicalUrl.From("https://example.com/story?id=42&utm_campaign=x&a=1"));
        Assert.NotEqual(CanonicalUrl.From("https://example.com/story?id=42"), CanonicalUrl.From("https://example.com/story?id=43"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/x")]
    [InlineData("javascript:alert(1)")]
    public void Non_web_links_have_no_key(string? url)
    {
        Assert.Null(CanonicalUrl.From(url));
    }
}
