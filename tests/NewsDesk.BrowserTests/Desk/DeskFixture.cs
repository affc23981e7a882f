using NewsDesk.TestSupport;

namespace NewsDesk.BrowserTests.Desk;

/// <summary>The browser fixture for desk flows: plain-http cookies and no sign-in throttle.</summary>
public sealed class DeskFixture : BrowserFixture
{
    protected override void Configure(NewsDeskAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Kestrel serves plain http here; secure cookies are covered by the integration tests over https.
        app.With("Desk:SignInAttemptsPerMinute", "1000").With("Desk:SecureCookies", "false");
    }
}
