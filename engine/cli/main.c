/*
 * main.c - the `tender` command. All of it lives in tender_main(), so tests
 * and fuzzers run exactly what a user runs.
 */
#include "cli.h"

#include <stdio.h>

int main(int argc, char **argv)
{
	return tender_main(argc, argv, stdout, stderr);
}
