#include "kmgca.h"
#include <stdio.h>
#include <string.h>
int main(int c,char**v){kmgca_foods*f=kmgca_foods_new(NULL);char w[64];FILE*in=fopen(v[1],"r");while(fscanf(in,"%63s",w)==1){kmgca_match m;if(kmgca_foods_match(f,w,&m,NULL)==KMGCA_OK && m.method==KMGCA_MATCH_SPELLING) printf("%s -> %s %.2f\n",w,kmgca_food_description(m.food),m.confidence);}return 0;}
