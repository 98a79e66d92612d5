/* A `dot` program from the Graphviz libraries inside the pygraphviz wheel.
 *
 * The benchmark uses it only where no system `dot` is installed, so that the `graphviz`
 * package and pydot, which both start a `dot` program for every render, can be timed as
 * they really run. This is the main() of Graphviz's own cmd/dot/dot.c, with the plugins
 * pygraphviz registers (layouts: dot, neato; renderers: core, gd, pango) built in, as in
 * Graphviz's dot_builtins.c. bench/run.py compiles it when a C compiler is present.
 *
 * No Graphviz headers ship in the wheel: the few declarations needed are written out.
 */
#include <stddef.h>

typedef struct {
    const char *name;
    void *address;
} lt_symlist_t;

extern char gvplugin_dot_layout_LTX_library[];
extern char gvplugin_neato_layout_LTX_library[];
extern char gvplugin_core_LTX_library[];
extern char gvplugin_gd_LTX_library[];
extern char gvplugin_pango_LTX_library[];

void *gvContextPlugins(const lt_symlist_t *builtins, int demand_loading);
int gvParseArgs(void *gvc, int argc, char **argv);
void *gvNextInputGraph(void *gvc);
int gvLayoutJobs(void *gvc, void *graph);
int gvRenderJobs(void *gvc, void *graph);
int gvFreeLayout(void *gvc, void *graph);
int agclose(void *graph);
int gvFreeContext(void *gvc);

static const lt_symlist_t builtins[] = {
    {"gvplugin_dot_layout_LTX_library", gvplugin_dot_layout_LTX_library},
    {"gvplugin_neato_layout_LTX_library", gvplugin_neato_layout_LTX_library},
    {"gvplugin_core_LTX_library", gvplugin_core_LTX_library},
    {"gvplugin_gd_LTX_library", gvplugin_gd_LTX_library},
    {"gvplugin_pango_LTX_library", gvplugin_pango_LTX_library},
    {NULL, NULL},
};

int main(int argc, char **argv) {
    void *gvc = gvContextPlugins(builtins, 0);
    void *graph, *previous = NULL;
    int status = gvParseArgs(gvc, argc, argv);
    if (status != 0)
        return status < 0 ? 0 : status;  /* -V and the like: done */
    while ((graph = gvNextInputGraph(gvc)) != NULL) {
        if (previous != NULL) {
            gvFreeLayout(gvc, previous);
            agclose(previous);
        }
        if (gvLayoutJobs(gvc, graph) != 0 || gvRenderJobs(gvc, graph) != 0)
            status = 1;
        previous = graph;
    }
    if (previous != NULL) {
        gvFreeLayout(gvc, previous);
        agclose(previous);
    }
    return gvFreeContext(gvc) || status;
}
