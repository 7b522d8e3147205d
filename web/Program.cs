using Samverkan.ServiceDefaults;
using Samverkan.Web.Extensions;

var builder = ServiceHost.CreateBuilder(args);
builder.AddAppDefaults();
builder.AddWebApp();

var app = builder.Build();
app.UseWebApp();
app.Run();

public partial class Program;
