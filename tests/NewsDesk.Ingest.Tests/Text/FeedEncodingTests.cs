using System.Text;
using NewsDesk.Ingest.Feeds;
using NewsDesk.Ingest.Text;

namespace NewsDesk.Ingest.Tests.Text;

public sealed class FeedEncodingTests
{
    private static readonly Encoding Cp1251 = CodePages(1251);

    [Fact]
    public void A_feed_declared_latin1_that_is_really_utf8_is_read_as_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Phan Văn Giang</title></item></channel></rss>");

        Assert.Equal("Phan Văn Giang", TitleOf(bytes));
    }

    [Fact]
    public void A_feed_declared_utf8_with_latin1_bytes_keeps_those_characters()
    {
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><item><title>Café crème — “ok”</title></item></channel></rss>".Replace("—", "-", StringComparison.Ordinal).Replace("“", "\"", StringComparison.Ordinal).Replace("”", "\"", StringComparison.Ordinal));

        Assert.Equal("Café crème - \"ok\"", TitleOf(bytes));
    }

    [Fact]
    public void A_declared_single_byte_encoding_is_honoured()
    {
        var bytes = Cp1251.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><item><title>Москва</title></item></channel></rss>");

        Assert.Equal("Москва", TitleOf(bytes));
    }

    [Fact]
    public void Utf16_with_a_bom_and_no_declaration_is_read()
    {
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("<rss><channel><item><title>東京</title></item></channel></rss>")).ToArray();

        Assert.Equal("東京", TitleOf(bytes));
    }

    [Fact]
    public void A_utf16_declaration_on_a_single_byte_document_is_ignored()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss><channel><item><title>Plain</title></item></channel></rss>");

        Assert.Equal("Plain", TitleOf(bytes));
    }

    [Fact]
    public void An_unknown_encoding_name_falls_back_to_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"x-klingon\"?><rss><channel><item><title>Zürich</title></item></channel></rss>");

        Assert.Equal("Zürich", TitleOf(bytes));
    }

    [Fact]
    public void The_http_charset_is_used_when_the_document_declares_none()
    {
        var bytes = Cp1251.GetBytes("<rss><channel><item><title>Киев</title></item></channel></rss>");
        using var stream = new MemoryStream(bytes);

        Assert.Equal(1251, FeedEncoding.Detect(stream, "windows-1251").CodePage);
    }

    private static string? TitleOf(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var encoding = FeedEncoding.Detect(stream);
        var feed = FeedParser.ReadXml(() => new StreamReader(new MemoryStream(bytes), encoding, detectEncodingFromByteOrderMarks: true), null, 1_000_000, TestContext.Current.CancellationToken);
        return Assert.Single(feed.Items).Title;
    }

    private static Encoding CodePages(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
