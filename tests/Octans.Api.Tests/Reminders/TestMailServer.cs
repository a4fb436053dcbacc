using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Octans.Api.Tests.Reminders;

/// <summary>A real SMTP server on a free port of this machine, keeping every message it is sent for the test to read.</summary>
public sealed class TestMailServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public int Port { get; }
    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    private TestMailServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Keeper(Received));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public static async Task<TestMailServer> StartAsync()
    {
        var server = new TestMailServer(FreePort());
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, server.Port);
                return server;
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>A port nothing listens on, for a server that is down.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public IReadOnlyList<MimeMessage> To(string email) =>
        [.. Received.Where(m => m.To.Mailboxes.Any(to => to.Address.Equals(email, StringComparison.OrdinalIgnoreCase)))];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private sealed class Keeper(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream();
            foreach (var segment in buffer) stream.Write(segment.Span);
            stream.Position = 0;
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
