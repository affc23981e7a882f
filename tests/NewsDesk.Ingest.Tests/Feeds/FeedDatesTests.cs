using NewsDesk.Ingest.Feeds;

namespace NewsDesk.Ingest.Tests.Feeds;

public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("Tue, 02 Jan 2024 10:00:00 GMT", "2024-01-02T10:00:00")]
    [InlineData("Tue, 02 Jan 2024 10:00:00 +0530", "2024-01-02T04:30:00")]
    [InlineData("Tue, 2 Jan 2024 10:00 EST", "2024-01-02T15:00:00")]
    [InlineData("02 Jan 24 10:00:00 PDT", "2024-01-02T17:00:00")]
    [InlineData("Wed, 02 January 2024 10:00:00 Z", "2024-01-02T10:00:00")]
    [InlineData("Sun, 02 Jan 2024 10:00:00 +00:00", "2024-01-02T10:00:00")]
    [InlineData("2024-01-02T10:00:00Z", "2024-01-02T10:00:00")]
    [InlineData("2024-01-02T10:00:00.123+09:00", "2024-01-02T01:00:00.123")]
    [InlineData("2024-01-02 10:00:00", "2024-01-02T10:00:00")]
    [InlineData("2024-01-02", "2024-01-02T00:00:00")]
    [InlineData("January 2, 2024 10:00 AM", "2024-01-02T10:00:00")]
    [InlineData("2 Jan 2024", "2024-01-02T00:00:00")]
    [InlineData("1704189600", "2024-01-02T10:00:00")]
    [InlineData("Tue, 02 Jan 2024 10:00:00 JST", "2024-01-02T01:00:00")]
    public void Common_and_broken_date_formats_are_read_as_utc(string text, string expected)
    {
        var parsed = FeedDates.Parse(text);

        Assert.NotNull(parsed);
        Assert.Equal(DateTimeKind.Utc, parsed.Value.Kind);
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("32 Jan 2024")]
    [InlineData("Tue, 02 Foo 2024 10:00:00 GMT")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void Missing_or_unreadable_dates_are_null(string? text)
    {
        Assert.Null(FeedDates.Parse(text));
    }
}
