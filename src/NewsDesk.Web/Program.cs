using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using NewsDesk.Core;
using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Users;
using NewsDesk.Ingest;
using NewsDesk.Reading;
using NewsDesk.Reading.Feeds;
using NewsDesk.Web;
using Serilog;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // Started from elsewhere (`dotnet /app/NewsDesk.Web.dll`, a service manager), the settings beside the assembly apply.
    ContentRootPath = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory,
});
// RCL assets (the reading view's CSS) are served from the build output in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    // A store that cannot be opened or a bad setting at start is reported once, in one line, by the catch below: not
    // as the host's stack trace. (A settings failure later, in a request, is still logged.)
    .Filter.ByExcluding(e => e.Exception is StoreUnavailableException or AccountSetupException
        || (e.Exception is OptionsValidationException && e.MessageTemplate.Text.StartsWith("Hosting failed to start", StringComparison.Ordinal))));

builder.Services.AddNewsDeskCore(builder.Configuration);
builder.Services.AddNewsDeskIngest(builder.Configuration);
builder.Services.AddNewsDeskFeedPolling();
builder.Services.AddNewsDeskReading(builder.Configuration);
builder.Services.AddSingleton<StorePreparation>();
builder.Services.AddHostedService(services => services.GetRequiredService<StorePreparation>());
builder.Services.AddHostedService<SearchIndexMaintenanceService>();
builder.Services.AddNewsDeskDesk(builder.Configuration, builder.Environment);
builder.Services.AddDataProtection().PersistKeysToDbContext<NewsDeskDbContext>().SetApplicationName("NewsDesk");
builder.Services.AddRazorPages().AddNewsDeskDeskPages();
builder.Services.AddHealthChecks().AddDbContextCheck<NewsDeskDbContext>("database");

var app = builder.Build();
// The store is prepared on another core while the pipeline below is built; the host's start waits for it.
_ = app.Services.GetRequiredService<StorePreparation>().Begin();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSerilogRequestLogging();
app.UseNewsDeskDesk();
app.UseNewsDeskReading();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapNewsDeskReading();
app.MapHealthChecks("/healthz");

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is StoreUnavailableException or AccountSetupException)
{
    StartupLog.CannotStart(app.Logger, ex.Message);
    return 1;
}
catch (OptionsValidationException ex)
{
    var failures = string.Join(" ", ex.Failures);
    StartupLog.CannotStart(app.Logger, "invalid configuration: " + failures);
    return 1;
}

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
