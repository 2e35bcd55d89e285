// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QCommandLineParser>
#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <memory>

namespace cis {

class Clock;
struct MemberKey;
class SyncEngine;
class SyncSession;
struct RunReport;

// The headless front end. Each command parses its own options, runs the same libraries as the
// desktop app, prints for people (or JSON for scripts) and returns an exit code:
// 0 done, 1 some operations failed, 2 usage or configuration error, 3 cannot connect or
// authenticate, 4 the guard held the plan back.
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
        GuardHeld = 4,
    };

    explicit CliApplication(const Clock *clock = nullptr, QObject *parent = nullptr);

    int run(const QStringList &arguments);

private:
    int runMembers(QCommandLineParser &parser, const QStringList &arguments);
    int runDevice(QCommandLineParser &parser, const QStringList &arguments);
    int runSimulate(QCommandLineParser &parser, const QStringList &arguments);
    int runTestConnection(QCommandLineParser &parser, const QStringList &arguments);
    int runPlan(QCommandLineParser &parser, const QStringList &arguments);
    int runSync(QCommandLineParser &parser, const QStringList &arguments);
    int runRun(QCommandLineParser &parser, const QStringList &arguments);
    int runStatus(QCommandLineParser &parser, const QStringList &arguments);
    int runEvents(QCommandLineParser &parser, const QStringList &arguments);
    int runVisits(QCommandLineParser &parser, const QStringList &arguments);
    // Reads what is new in the doors' event logs (all doors, or one); false if a door failed.
    bool readDoorEvents(SyncSession &session, const QString &deviceId);
    int runLink(QCommandLineParser &parser, const QStringList &arguments, bool link);
    // Cards given at the desk (CardCommands.cpp): card capture|set|remove|list, credentials.
    int runCard(QCommandLineParser &parser, const QStringList &arguments);
    int runCardCapture(QCommandLineParser &parser, const QStringList &arguments);
    int runCardSet(QCommandLineParser &parser, const QStringList &arguments);
    int runCardRemove(QCommandLineParser &parser, const QStringList &arguments);
    int runCardList(QCommandLineParser &parser, const QStringList &arguments);
    int runCredentials(QCommandLineParser &parser, const QStringList &arguments);
    // Faces given at the desk (FaceCommands.cpp): face set|capture|remove.
    int runFace(QCommandLineParser &parser, const QStringList &arguments);
    int runFaceSet(QCommandLineParser &parser, const QStringList &arguments);
    int runFaceCapture(QCommandLineParser &parser, const QStringList &arguments);
    int runFaceRemove(QCommandLineParser &parser, const QStringList &arguments);
    // Gives the card to the member and prints the outcome; the exit code.
    int giveCard(SyncSession &session, const MemberKey &member, const QString &cardNo);
    // The card and face commands print the engine's outcome, which says what its log says; the log
    // goes to standard error with --verbose only.
    void quietEngineLog(SyncSession &session);

    static QCommandLineOption configOption();
    // -1: go on; else the exit code (help shown or a usage error).
    int parseCommand(QCommandLineParser &parser, const QStringList &arguments,
                     const QString &description, const QList<QCommandLineOption> &options);
    std::unique_ptr<SyncSession> openSession(bool needPasswords, int *exitCode);
    int writeReport(const QString &path, const RunReport &report);
    void printDoorsAsTheyFinish(SyncEngine &engine);
    int runDemo(QCommandLineParser &parser, const QStringList &arguments);

    int usageError(const QString &message);

    const Clock *m_clock;
    QString m_configPath;
    bool m_verbose = false;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace cis
