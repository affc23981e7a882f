using NewsDesk.Ingest.Dedup;

namespace NewsDesk.Ingest.Tests.Dedup;

/// <summary>Pairs written for the purpose: the same wire story as two outlets would run it, and different stories.</summary>
public sealed class MinHashTests
{
    public const string Wire =
        "TOKYO — Chinese coast guard vessels entered Japan's territorial waters around the Senkaku Islands on Tuesday, " +
        "the Japan Coast Guard said, the third such incursion this month. Four ships of the China Coast Guard sailed into " +
        "the 12-nautical-mile zone around Uotsuri Island at about 10 a.m. and stayed for nearly three hours before leaving. " +
        "Japanese patrol boats warned the vessels to leave and shadowed them throughout. Tokyo lodged a protest through " +
        "diplomatic channels, calling the intrusion unacceptable. Beijing claims the uninhabited islands, which it calls the " +
        "Diaoyu, and has stepped up patrols in the East China Sea since 2012.";

    // The same copy as a second outlet runs it: new dateline style, a trimmed sentence, a line of its own at the end.
    public const string Edited =
        "Chinese coast guard ships entered Japan's territorial waters around the Senkaku Islands on Tuesday, " +
        "the Japan Coast Guard said, the third such incursion this month. Four ships of the China Coast Guard sailed into " +
        "the 12-nautical-mile zone around Uotsuri Island at about 10 a.m. and stayed for nearly three hours before leaving. " +
        "Japanese patrol boats warned the vessels to leave and shadowed them throughout. Tokyo lodged a protest through " +
        "diplomatic channels. Beijing claims the uninhabited islands, which it calls the " +
        "Diaoyu, and has stepped up patrols in the East China Sea since 2012. Additional reporting by our Tokyo bureau.";

    public const string Different =
        "MANILA — The Philippines and the United States began their largest joint military exercise in years on Monday, " +
        "with more than 17,000 troops taking part in drills across Luzon and Palawan. The Balikatan exercise includes live-fire " +
        "drills at sea for the first time, officials said, as Manila seeks closer defence ties with Washington amid tensions " +
        "with Beijing in the South China Sea. Australian and Japanese forces are observing parts of the drills.";

    public const string SameTopicDifferentStory =
        "TOKYO — Japan scrambled fighter jets on Tuesday after two Chinese H-6 bombers flew over the East China Sea toward " +
        "the Pacific, the Defense Ministry said. The bombers passed between Okinawa and Miyako Island accompanied by a drone, " +
        "a route China's air force has used repeatedly this year. No violation of Japanese airspace was reported, the ministry said.";

    [Fact]
    public void A_lightly_edited_wire_story_scores_above_the_default_threshold()
    {
        var similarity = MinHash.Similarity(MinHash.Signature(Wire)!, MinHash.Signature(Edited)!);

        Assert.InRange(similarity, 0.6, 1.0);
    }

    [Theory]
    [InlineData(Different)]
    [InlineData(SameTopicDifferentStory)]
    public void Different_stories_score_far_below_it(string other)
    {
        var similarity = MinHash.Similarity(MinHash.Signature(Wire)!, MinHash.Signature(other)!);

        Assert.InRange(similarity, 0.0, 0.15);
    }

    [Fact]
    public void The_estimate_tracks_the_true_jaccard_similarity()
    {
        var a = MinHash.Shingles(Wire);
        var b = MinHash.Shingles(Edited);
        var jaccard = (double)a.Intersect(b).Count() / a.Union(b).Count();

        var estimate = MinHash.Similarity(MinHash.Signature(Wire)!, MinHash.Signature(Edited)!);

        // 128 positions: standard error about 0.04.
        Assert.InRange(estimate, jaccard - 0.13, jaccard + 0.13);
    }

    [Fact]
    public void Near_duplicates_share_a_band_and_unrelated_stories_do_not()
    {
        var wire = MinHash.BandKeys(MinHash.Signature(Wire)!);

        Assert.NotEmpty(wire.Intersect(MinHash.BandKeys(MinHash.Signature(Edited)!)));
        Assert.Empty(wire.Intersect(MinHash.BandKeys(MinHash.Signature(Different)!)));
    }

    [Fact]
    public void Texts_too_short_to_compare_have_no_signature()
    {
        Assert.Null(MinHash.Signature("Bomber flights near Okinawa"));
    }

    [Fact]
    public void Signatures_are_stable_across_processes()
    {
        // string.GetHashCode is randomised per process; a stored fingerprint must not be.
        Assert.Equal("7274", Convert.ToHexString(MinHash.Signature(Wire)!)[..4]);
    }
}
