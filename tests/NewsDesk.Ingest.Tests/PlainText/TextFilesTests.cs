using System.Text;
using NewsDesk.Ingest.PlainText;
using NewsDesk.TestSupport;

namespace NewsDesk.Ingest.Tests.PlainText;

public sealed class TextFilesTests
{
    [Fact]
    public void Utf8_with_and_without_a_bom_decodes_the_same()
    {
        var bytes = Encoding.UTF8.GetBytes("Phan Văn Giang “quoted”");

        Assert.Equal("Phan Văn Giang “quoted”", TextFiles.Decode(bytes));
        Assert.Equal("Phan Văn Giang “quoted”", TextFiles.Decode([0xEF, 0xBB, 0xBF, .. bytes]));
    }

    [Fact]
    public void Utf16_is_recognised_by_its_bom()
    {
        Assert.Equal("Tōkyō", TextFiles.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Tōkyō")]));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_fall_back_to_latin1()
    {
        Assert.Equal("Zürich", TextFiles.Decode(Encoding.Latin1.GetBytes("Zürich")));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_without_reading_it()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("big.txt", new string('x', 2048));

        var error = await Assert.ThrowsAsync<ArticleFormatException>(() => TextFiles.ReadAsync(path, 1024, TestContext.Current.CancellationToken));

        Assert.Contains("over the 1,024-byte limit", error.Message, StringComparison.Ordinal);
    }
}
