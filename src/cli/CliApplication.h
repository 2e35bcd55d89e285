#pragma once

#include <QCommandLineParser>
#include <QObject>
#include <QStringList>
#include <QTextStream>

namespace cis {

class Clock;

// The headless front end. Each command parses its own options, runs the same libraries as the
// desktop app, prints for people (or JSON for scripts) and returns an exit code:
// 0 done, 1 some operations failed, 2 usage or configuration error, 3 cannot connect or
// authenticate.
class CliApplication : public QObject
{
    Q_OBJECT

public:
    enum ExitCode
    {
        Done = 0,
        SomeFailed = 1,
        UsageError = 2,
        CannotConnect = 3,
    };

    explicit CliApplication(const Clock *clock = nullptr, QObject *parent = nullptr);

    int run(const QStringList &arguments);

private:
    int runMembers(QCommandLineParser &parser, const QStringList &arguments);
    int runDevice(QCommandLineParser &parser, const QStringList &arguments);
    int runSimulate(QCommandLineParser &parser, const QStringList &arguments);
    int runDemo(QCommandLineParser &parser, const QStringList &arguments);

    int usageError(const QString &message);

    const Clock *m_clock;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace cis
