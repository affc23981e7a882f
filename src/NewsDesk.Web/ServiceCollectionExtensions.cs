using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using NewsDesk.Core;
using NewsDesk.Core.Users;
using NewsDesk.Ingest;
using NewsDesk.Web.Accounts;
using NewsDesk.Web.Media;
using NewsDesk.Web.Routing;
using NewsDesk.Web.Taxonomy;

namespace NewsDesk.Web;

public static class ServiceCollectionExtensions
{
    public const string EditorPolicy = "Editor";
    public const string AdminPolicy = "Admin";
    public const string SignInRateLimit = "sign-in";
    public const string AuthCookieName = "__Host-NewsDesk";
    public const string InsecureAuthCookieName = "NewsDesk";

    /// <summary>
    /// The desk (editors) and admin areas: accounts and cookie sign-in, per-area authorization, sign-in throttling,
    /// anti-forgery, lead images and the background re-tag.
    /// </summary>
    public static IServiceCollection AddNewsDeskDesk(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var secure = SecureCookies(configuration, environment);
        // "__Host-" makes browsers refuse the cookie unless it is Secure, host-only and for the whole site.
        var prefix = secure ? "__Host-" : "";
        var policy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddOptions<DeskOptions>().Bind(configuration.GetSection(DeskOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddNewsDeskAccounts()
            .AddSignInManager<NewsDeskSignInManager>()
            .AddDefaultTokenProviders();
        // Every request re-checks the security stamp: sign-out, a password change, a role change or disabling the
        // account ends every session at once, including copies of the cookie.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        var idle = configuration.GetSection(DeskOptions.Section).GetValue(nameof(DeskOptions.SessionIdleTimeout), TimeSpan.FromHours(8));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = secure ? AuthCookieName : InsecureAuthCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = policy;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = idle;
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/sign-in";
            o.ReturnUrlParameter = "returnUrl";
            // A signed-in user without the role gets a plain 403 page, not a loop back to the sign-in form.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, p => p.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin));

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = prefix + "NewsDesk.Af";
            o.Cookie.SecurePolicy = policy;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = prefix + "NewsDesk.Tmp";
            o.Cookie.SecurePolicy = policy;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            // Per client address and per instance; the account lockout, stored in the database, holds across instances.
            o.AddPolicy(SignInRateLimit, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var permit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<DeskOptions>>().Value.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });

        services.AddSingleton<LeadImageStore>();
        services.AddSingleton<AccountBootstrap>();
        services.AddHostedService<RetagWorker>();
        return services;
    }

    public static bool SecureCookies(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetSection(DeskOptions.Section).GetValue<bool?>(nameof(DeskOptions.SecureCookies)) ?? !environment.IsDevelopment();

    /// <summary>Per-area authorization, set once here rather than on each page; the upload page's body limit.</summary>
    public static IMvcBuilder AddNewsDeskDeskPages(this IMvcBuilder mvc)
    {
        ArgumentNullException.ThrowIfNull(mvc);
        mvc.Services.AddOptions<RazorPagesOptions>().Configure<IOptions<IngestOptions>>((o, ingest) =>
        {
            // Kestrel's default cap (about 28.6 MiB) refused a feed the ingest takes (Ingest:MaxFeedBytes) before
            // anything read it. A request may carry four files of that size (the total is what is capped); ingest
            // refuses, by name, a file over it. Endpoint metadata, because the form is read (for its antiforgery token) before any page filter.
            var limit = 4 * ingest.Value.MaxFeedBytes + (1 << 20);
            o.Conventions.AddAreaPageApplicationModelConvention("Desk", "/Upload", page =>
            {
                page.EndpointMetadata.Add(new RequestSizeLimitAttribute(limit));
                page.EndpointMetadata.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limit });
            });
        });
        return mvc.AddRazorPagesOptions(o =>
        {
            o.Conventions.AuthorizeAreaFolder("Desk", "/", EditorPolicy);
            o.Conventions.AuthorizeAreaFolder("Admin", "/", AdminPolicy);
            o.Conventions.AuthorizeAreaPage("Account", "/Password");
        });
    }

    /// <summary>Authentication, throttling, old-slug redirects and stored images, in pipeline order.</summary>
    public static WebApplication UseNewsDeskDesk(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var media = app.Services.GetRequiredService<LeadImageStore>().Directory;
        Directory.CreateDirectory(media);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(media),
            RequestPath = LeadImageStore.RequestPath,
            // Names are random and never reused: the files can be cached for good.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
        });
        if (SecureCookies(app.Configuration, app.Environment))
        {
            app.UseMiddleware<RequireHttpsForDesk>();
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
