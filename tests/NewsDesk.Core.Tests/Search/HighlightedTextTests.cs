using NewsDesk.Core.Search;

namespace NewsDesk.Core.Tests.Search;

public sealed class HighlightedTextTests
{
    [Fact]
    public void Marked_text_splits_into_runs_of_matches_and_the_rest()
    {
        var text = HighlightedText.FromMarked("the [coast] guard [ship]s", '[', ']');

        Assert.Equal([new("the ", false), new("coast", true), new(" guard ", false), new("ship", true), new("s", false)], text.Runs);
    }

    [Fact]
    public void Direction_overrides_and_isolates_are_left_out_so_a_cut_snippet_reads_forwards()
    {
        var text = HighlightedText.FromMarked("file \u202Egnp.exe near the [\u2067coast\u2069] guard \u202Aship\u202C", '[', ']');

        Assert.Equal("file gnp.exe near the coast guard ship", text.ToString());
        Assert.Equal([new("coast", true)], text.Runs.Where(r => r.IsMatch));
        Assert.DoesNotContain(text.Runs, r => r.Text.Length == 0);
    }
}
