using System.Text.Json.Serialization;
using JasperFx;
using Octans.Api.Health;
using Octans.Api.Observing;
using Octans.Api.Photos;
using Octans.Api.Reminders;
using Octans.Api.Reports;
using Octans.Api.Setup;
using Octans.Api.Setup.Idempotency;
using Octans.Api.SigningIn;
using Octans.Api.SigningIn.Organisations;

var builder = WebApplication.CreateBuilder(args);
builder.AddOctansLogging();
builder.AddOctansObserving();
var services = builder.Services;

services.AddSingleton(TimeProvider.System);
services.AddOctansMarten(builder.Environment, DatabaseSettings.RunsAsOwner(args));
builder.AddOctansWolverine();
services.AddOctansHangfire(builder.Configuration);
services.AddOctansSignIn();
services.AddOrganisationSignIn(builder.Configuration);
DataProtectionKeys.AddOctansDataProtection(services, builder.Configuration, builder.Environment);
builder.AddOctansTransport();
builder.AddOctansPhotos();
services.AddOctansHealth();
services.AddOctansReports();
services.AddOctansReminders(builder.Configuration);
Octans.Api.Retention.OctansRetention.AddOctansRetention(services, builder.Configuration);
services.AddSingleton<DatabaseStartup>();
services.AddHostedService(provider => provider.GetRequiredService<DatabaseStartup>());
services.AddHostedService<Octans.Api.Inbox.NearbyRenewal>();
services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(json => json.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
services.AddSingleton<MapTiles>();
services.AddProblemDetails();
services.AddExceptionHandler<ErrorAnswers>();
services.AddOpenApi(openApi => openApi.AddOperationTransformer<IdempotencyKeyHeader>());
services.AddRazorPages(pages =>
{
    pages.Conventions.AuthorizeFolder("/");
    pages.Conventions.AddPageRoute("/Problems/Change", "problems/{id:guid}/actions/{actionId:guid}/{change}");
    pages.Conventions.AddPageRoute("/Problems/Change", "problems/{id:guid}/criteria/{criterionId:guid}/{change}");
});

var app = builder.Build();

app.UseOctansTransport();
app.UseExceptionHandler("/error");
app.UseOctansLocalization();
app.UseOctansStatusAnswers();
app.UseMiddleware<SecurityHeaders>();
app.UseStaticFiles();
app.UseMiddleware<WaitForDatabase>();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<RequestChecks>();
app.UseMiddleware<IdempotentWrites>();

app.MapOctansHealth();
app.MapOctansMetrics();
app.MapOctansApiDocs();
app.MapOctansEndpoints();
app.MapOctansJobDashboard();
app.MapRazorPages();

return await app.RunOctansCommands(args);

public partial class Program;
