/*
 * locale_host.c - a program that embeds libtender the way a host
 * application does: it takes its locale from the environment
 * (setlocale(LC_ALL, "")) and then runs the same tender_main() as the
 * `tender` command. The command itself never calls setlocale, so only a host
 * like this one shows whether number input and output follow LC_NUMERIC
 * (tests/e2e/locale-host runs it under a decimal-comma locale).
 */
#include "cli.h"

#include <locale.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	if (!setlocale(LC_ALL, "")) {
		fputs("locale_host: the locale the environment names cannot be set\n", stderr);
		return 99;
	}
	return tender_main(argc, argv, stdout, stderr);
}
