using Microsoft.Extensions.Options;
using NewsDesk.Core.Hosting;

namespace NewsDesk.Core.Tests.Hosting;

public sealed class SiteClockTests
{
    private static readonly DateTime Published = new(2021, 11, 24, 7, 53, 0, DateTimeKind.Utc);

    [Fact]
    public void Utc_is_shown_as_utc_with_a_zero_offset()
    {
        var clock = Clock("UTC");

        Assert.Equal("2021-11-24T07:53:00+00:00", clock.Iso(Published));
        Assert.Equal("24 November 2021, 07:53 UTC", clock.Display(Published));
    }

    [Fact]
    public void Times_are_shown_in_the_site_zone_with_the_zone_visible()
    {
        var clock = Clock("Asia/Kolkata");

        Assert.Equal("2021-11-24T13:23:00+05:30", clock.Iso(Published));
        Assert.StartsWith("24 November 2021, 13:23 ", clock.Display(Published), StringComparison.Ordinal);
        Assert.Contains("UTC+05:30", clock.Display(Published), StringComparison.Ordinal);
    }

    private static SiteClock Clock(string zone) => new(Options.Create(new SiteOptions { TimeZone = zone }), TimeProvider.System);
}
