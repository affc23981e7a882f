using Microsoft.Extensions.Options;
using NewsDesk.Core.Hosting;
using NewsDesk.Reading.Stories;

namespace NewsDesk.Reading.Tests.Stories;

public sealed class DateFilterTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    private static SiteClock Clock(string zone) => new(Options.Create(new SiteOptions { TimeZone = zone }), TimeProvider.System);

    [Fact]
    public void Days_are_whole_days_in_the_site_time_zone_with_the_end_day_included()
    {
        var filter = DateFilter.Parse(null, "2024-01-01", "2024-01-31", out var error);

        Assert.Null(error);
        Assert.Equal(
            (new DateTime(2023, 12, 31, 15, 0, 0, DateTimeKind.Utc), new DateTime(2024, 1, 31, 15, 0, 0, DateTimeKind.Utc)),
            ((DateTime, DateTime))filter.ToUtc(Clock("Asia/Tokyo"), Now)!);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Asia/Tokyo")]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Pacific/Pago_Pago")]
    [InlineData("America/Los_Angeles")]
    public void The_first_and_last_days_of_the_calendar_are_open_ends_not_errors(string zone)
    {
        // /regions/japan?to=9999-12-31 was a 500: the end bound is the start of the next day, and there is none.
        var filter = DateFilter.Parse(null, "0001-01-01", "9999-12-31", out var error);

        Assert.Null(error);
        var (from, to) = filter.ToUtc(Clock(zone), Now);
        Assert.True(from <= new DateTime(1, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        Assert.Null(to);
    }
}
