using NewsDesk.Tagging.Tagging;

namespace NewsDesk.Tagging.Tests.Tagging;

/// <summary>Names that mean more than one place, or no place at all.</summary>
public sealed class AmbiguityTests
{
    private static string[] Countries(string text) => [.. Tagger.Tag(text).Countries.Select(c => c.Place.IsoCode!).Order()];

    private static string[] Regions(string text) => [.. Tagger.Tag(text).Regions.Select(c => c.Place.Slug).Order()];

    [Fact]
    public void South_China_Sea_is_not_a_mention_of_China()
    {
        Assert.Empty(Countries("Tensions are rising in the South China Sea, officials said."));
        Assert.Contains("south-china-sea", Regions("Tensions are rising in the South China Sea, officials said."));
    }

    [Fact]
    public void Georgia_is_the_country_with_Tbilisi_and_the_state_with_Atlanta()
    {
        Assert.Equal(["GE", "RU"], Countries("Georgia said Russian troops moved border fences. Tbilisi protested."));
        var us = Tagger.Tag("The governor of Georgia deployed the National Guard in Atlanta after protests.");
        Assert.Equal(["US"], us.Countries.Select(c => c.Place.IsoCode));
        Assert.Contains(us.Regions, r => r.Place.Slug == "georgia-united-states");
    }

    [Fact]
    public void Georgia_alone_is_the_country()
    {
        Assert.Equal(["GE"], Countries("Georgia's parliament passed the foreign agents law on Tuesday."));
    }

    [Theory]
    [InlineData("Jordan said it intercepted drones over Amman.", new[] { "JO" })]
    [InlineData("Congressman Jim Jordan questioned the contractors.", new string[0])]
    [InlineData("Michael Jordan visited the base.", new string[0])]
    [InlineData("Chad expelled the French ambassador from N'Djamena.", new[] { "FR", "TD" })]
    [InlineData("Chad Smith, a spokesman, declined to comment.", new string[0])]
    public void Jordan_and_Chad_are_countries_unless_they_are_someone_s_name(string text, string[] expected)
    {
        Assert.Equal(expected, Countries(text));
    }

    [Fact]
    public void Niger_and_Nigeria_are_two_countries()
    {
        Assert.Equal(["NE", "NG"], Countries("Niger reopened its border with Nigeria. Nigerien and Nigerian traders crossed."));
        Assert.Equal(["NE"], Countries("Niger's junta expelled the envoy."));
    }

    [Fact]
    public void Sudan_and_South_Sudan_are_two_countries()
    {
        Assert.Equal(["SD", "SS"], Countries("Refugees fled from Sudan into South Sudan."));
        Assert.Equal(["SS"], Countries("South Sudan's army clashed with rebels; South Sudanese officials said."));
    }

    [Fact]
    public void The_Guineas_are_told_apart()
    {
        Assert.Equal(["GN"], Countries("Guinea's junta set an election date."));
        Assert.Equal(["GW"], Countries("Guinea-Bissau's president dissolved parliament."));
        Assert.Equal(["PG"], Countries("Papua New Guinea signed a defence treaty."));
        Assert.Equal(["GQ"], Countries("Equatorial Guinea hosted the summit."));
        Assert.Empty(Countries("Pirates attacked a tanker in the Gulf of Guinea."));
    }

    [Fact]
    public void Congo_is_the_DRC_unless_the_story_says_Brazzaville()
    {
        Assert.Equal(["CD"], Countries("Fighting in Congo displaced thousands near Goma."));
        Assert.Equal(["CG"], Countries("Congo held talks with rebels near Brazzaville."));
        Assert.Equal(["CD"], Countries("The Democratic Republic of the Congo accused Rwanda of backing M23.").Where(c => c != "RW"));
        Assert.Equal(["CG"], Countries("The Republic of the Congo's army deployed troops."));
    }

    [Fact]
    public void Korea_follows_the_story_North_or_South()
    {
        Assert.Equal(["KP"], Countries("North Korea fired a missile. Korea's leader watched the launch."));
        Assert.Equal(["KR"], Countries("South Korea held drills. Korea's defence ministry said."));
        Assert.Equal(["KR"], Countries("Korea's defence ministry announced a new budget."));
        Assert.Contains("korean-peninsula", Regions("Tensions on the Korean Peninsula rose."));
    }

    [Fact]
    public void US_is_the_country_and_us_is_not()
    {
        Assert.Equal(["US"], Countries("The US sent a carrier."));
        Assert.Empty(Countries("Let us consider the options; they told us nothing."));
        Assert.Empty(Countries("THEY TOLD US THE TALKS WOULD RESUME ON MONDAY."));
        Assert.Equal(["US"], Countries("THE US SENT A CARRIER GROUP TO THE REGION ON MONDAY."));
        Assert.Equal(["US"], Countries("U.S. officials said the talks went well."));
    }

    [Fact]
    public void Common_words_that_are_also_cities_need_their_country_in_the_story()
    {
        Assert.Empty(Countries("Reading the report, it was nice to see a split in the mobile forces."));
        Assert.Empty(Countries("Nice weather helped the rescue. Split decisions were made."));
        Assert.Equal(["FR"], Countries("France deployed police in Nice after the attack."));
    }

    [Fact]
    public void A_disputed_territory_implies_the_countries_involved_less_than_a_direct_mention()
    {
        var result = Tagger.Tag("Scarborough Shoal standoff deepens\n\nShips from both sides gathered at Scarborough Shoal, which the Philippines claims.");
        var philippines = result.Countries.Single(c => c.Place.IsoCode == "PH");
        var china = result.Countries.Single(c => c.Place.IsoCode == "CN");
        Assert.True(china.Score < philippines.Score, "implied China scores below the named Philippines");
        Assert.Contains(result.Regions, r => r.Place.Slug == "scarborough-shoal");
        Assert.Contains(result.Regions, r => r.Place.Slug == "south-china-sea");
        Assert.True(result.Regions.Single(r => r.Place.Slug == "south-china-sea").Score < result.Regions.Single(r => r.Place.Slug == "scarborough-shoal").Score);
    }

    [Fact]
    public void A_demonym_weighs_less_than_the_name()
    {
        var result = Tagger.Tag("Officials met\n\nA Japanese delegation arrived. Vietnam said the talks went well.");
        Assert.True(result.Countries.Single(c => c.Place.IsoCode == "JP").Score < result.Countries.Single(c => c.Place.IsoCode == "VN").Score);
    }

    [Fact]
    public void The_headline_weighs_more_than_the_last_paragraph()
    {
        var result = Tagger.Tag("Peru elects new president\n\nThe vote was calm.\n\nObservers came from many places.\n\nOne was from Chile.");
        Assert.True(result.Countries.Single(c => c.Place.IsoCode == "PE").Score > result.Countries.Single(c => c.Place.IsoCode == "CL").Score);
    }

    [Fact]
    public void A_city_inside_a_landscape_name_is_not_the_city()
    {
        Assert.Empty(Countries("Clashes broke out in the Fergana Valley between border guards."));
    }
}
